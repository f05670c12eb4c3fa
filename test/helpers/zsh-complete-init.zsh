# Sourced by the interactive zsh of zsh-complete.zsh.
PROMPT=
fpath=("$COMPLETION_DIR" $fpath)
autoload -U compinit
compinit -u -D
bindkey '^I' complete-word
mark() { print -rn -- $'\0\n' }
compprefuncs=(mark)
comppostfuncs=(mark exit)
zstyle ':completion:*' insert-tab false
compadd() {
  # Calls that only ask (-O, -A, -D) are zsh's own bookkeeping.
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then
    builtin compadd "$@"
    return
  fi
  local -a hits
  builtin compadd -A hits "$@"
  (( $#hits )) && print -rl -- $IPREFIX${^hits}
}
print ready
