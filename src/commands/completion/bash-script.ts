// A template literal: \${ is the shell's ${, \\ one backslash. Every line is under 80 columns, since on a terminal
// sparkport fits longer lines to its width.
export const bashScript = `# sparkport completion for bash. In ~/.bashrc:
#   source <(sparkport completion bash)
# or save it as /etc/bash_completion.d/sparkport.
# The candidates come from "sparkport __complete WORDS... CURRENT", one a
# line, a description after a tab; ":files" alone asks for file names.
_sparkport() {
  local cur=\${COMP_WORDS[COMP_CWORD]} word line files=
  local -a words=()
  # The words as typed: the quotes or backslashes of a -r FILE taken off.
  for word in "\${COMP_WORDS[@]:1:COMP_CWORD-1}"; do
    case $word in
      \\'*\\') word=\${word:1:\${#word}-2} ;;
      \\"*\\") word=\${word:1:\${#word}-2} ;;
      *) word=\${word//\\\\/} ;;
    esac
    words+=("$word")
  done
  # bash splits --team=B at "=": the word after it is the one completed.
  if [[ $cur == "=" ]]; then
    words+=("=")
    cur=
  fi
  COMPREPLY=()
  while IFS= read -r line; do
    if [[ $line == ":files" ]]; then
      files=1
    elif [[ -n $line ]]; then
      COMPREPLY+=("\${line%%$'\\t'*}")
    fi
  done < <(command sparkport __complete "\${words[@]}" "$cur" 2>/dev/null)
  if [[ -n $files ]]; then
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do
      COMPREPLY+=("$line")
    done < <(compgen -f -- "$cur")
  fi
}
complete -F _sparkport sparkport
`;
