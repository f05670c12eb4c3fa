// A template literal: \${ is the shell's ${, \\ one backslash; every line under 80 columns (see bash-script.ts).
export const zshScript = `#compdef sparkport
# sparkport completion for zsh. Save it as _sparkport in a folder on $fpath
# before compinit runs:
#   sparkport completion zsh > ~/.zfunc/_sparkport
#   (in ~/.zshrc: fpath=(~/.zfunc $fpath); autoload -U compinit; compinit)
# or, after compinit in ~/.zshrc: source <(sparkport completion zsh)
# The candidates come from "sparkport __complete WORDS... CURRENT", one a
# line, a description after a tab; ":files" alone asks for file names.
_sparkport() {
  local -a lines values shown
  local line described=
  lines=("\${(@f)$(command sparkport __complete \\
    "\${(@Q)words[2,CURRENT-1]}" "\${(Q)words[CURRENT]}" 2>/dev/null)}")
  if [[ \${lines[1]} == ":files" ]]; then
    compset -P '*='
    _files
    return
  fi
  for line in "\${lines[@]}"; do
    [[ -n $line ]] || continue
    values+=("\${line%%$'\\t'*}")
    if [[ $line == *$'\\t'* ]]; then
      shown+=("\${line%%$'\\t'*}  -- \${line#*$'\\t'}")
      described=1
    else
      shown+=("$line")
    fi
  done
  (( \${#values} )) || return 1
  if [[ -n $described ]]; then
    compadd -l -d shown -a values
  else
    compadd -a values
  fi
}
if [[ \${funcstack[1]} == _sparkport ]]; then
  _sparkport "$@"
else
  compdef _sparkport sparkport
fi
`;
