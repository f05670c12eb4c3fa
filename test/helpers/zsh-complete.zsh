# What zsh offers for a command line, the way a user's Tab gets it: an interactive zsh on a pseudo-terminal
# (zpty) loads compinit with $COMPLETION_DIR on fpath, the line is typed and Tab pressed; compadd is wrapped to
# print the matches zsh itself kept. After the idea of zsh-capture-completion (Valodim).
#   LINE='sparkport check --service ' COMPLETION_DIR=dir zsh -f zsh-complete.zsh
zmodload zsh/zpty || exit 3
zpty capture zsh -f -i
zpty -w capture "source ${(q)0:A:h}/zsh-complete-init.zsh"
local line
repeat 50; do
  zpty -r capture line || exit 4
  [[ $line == ready* ]] && break
done
zpty -w capture "$LINE"$'\t'
# Everything until the shell exits; the matches come between two NUL lines.
integer marks=0
while zpty -r capture; do :; done | while IFS= read -r line; do
  if [[ $line == *$'\0'* ]]; then
    (( marks++ )) && exit 0
    continue
  fi
  (( marks )) && print -r -- "${line%$'\r'}"
done
exit 5
