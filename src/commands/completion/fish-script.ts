// A template literal: \\ is one backslash; every line under 80 columns (see bash-script.ts).
export const fishScript = `# sparkport completion for fish. Save it as
#   ~/.config/fish/completions/sparkport.fish
# The candidates come from "sparkport __complete WORDS... CURRENT", one a
# line, a description after a tab; ":files" alone asks for file names.
function __sparkport_complete
    set -l words (commandline -opc)
    set -e words[1]
    set -l current (commandline -ct)
    set -l lines (command sparkport __complete $words "$current" 2>/dev/null)
    if test "$lines[1]" = ":files"
        # --registry=FILE: the file name after the "=".
        set -l option (string match -r -- '^--[^=]*=' "$current")
        set -l file (string replace -r -- '^--[^=]*=' '' "$current")
        for path in (__fish_complete_path "$file")
            echo "$option$path"
        end
        return
    end
    if set -q lines[1]
        printf '%s\\n' $lines
    end
end
complete -c sparkport -f -a '(__sparkport_complete)'
`;
