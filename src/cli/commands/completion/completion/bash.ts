/**
 * The bash script, ours rather than @bomb.sh/tab's: that one declares `readonly` variables
 * (sourcing it twice prints "readonly variable" errors) and needs `_get_comp_words_by_ref`
 * from the bash-completion package (without it, every Tab press printed "command not found").
 * This one can be sourced any number of times and works in a bare bash: it uses
 * bash-completion when loaded, else bash's own COMP_WORDS/COMP_CWORD, rejoining the words
 * bash splits at `=` and `:`. It asks the same `<program> complete -- <words>` as the other
 * shells, passing the words as arguments (no eval), and reads the `:<directive>` line.
 */
export function bashScript(program: string): string {
  const fn = `__${program.replace(/[^A-Za-z0-9_]/g, '_')}_complete`;
  return `# bash completion for ${program}: source <(${program} completion bash)
${fn}() {
    local cur words cword
    if declare -F _get_comp_words_by_ref >/dev/null 2>&1; then
        _get_comp_words_by_ref -n "=:" cur words cword
    else
        # No bash-completion: rejoin what bash split at '=' and ':' (--type=api, a:b).
        words=() cword=0
        local i word joined=0
        for ((i = 0; i <= COMP_CWORD && i < \${#COMP_WORDS[@]}; i++)); do
            word=\${COMP_WORDS[i]}
            if ((i > 0)) && [[ -n $word ]] && { [[ $word == [=:] ]] || ((joined)); }; then
                words[\${#words[@]}-1]+=$word
            else
                words+=("$word")
            fi
            joined=0
            [[ $word == [=:] ]] && joined=1
        done
        cword=$((\${#words[@]} - 1))
        cur=\${words[cword]}
    fi

    local out
    out=$(${program} complete -- "\${words[@]:1:cword-1}" "$cur" 2>/dev/null) || return 0

    local directive=0 line value
    local -a values=()
    while IFS= read -r line; do
        if [[ $line == :* ]]; then
            directive=\${line#:}
        elif [[ -n $line ]]; then
            values+=("\${line%%$'\\t'*}")
        fi
    done <<<"$out"
    [[ $directive =~ ^[0-9]+$ ]] || directive=0
    ((directive & 1)) && return 0

    # Replies replace the text after bash's last word break: the value of --flag=value, and
    # the part of a word after its last ':'.
    local typed=$cur
    [[ $typed == --*=* ]] && typed=\${typed#*=}
    local strip=""
    [[ $typed == *:* ]] && strip=\${typed%"\${typed##*:}"}
    COMPREPLY=()
    for value in "\${values[@]}"; do
        [[ $value == "$typed"* ]] && COMPREPLY+=("\${value#"$strip"}")
    done
    ((directive & 2)) && compopt -o nospace 2>/dev/null
    ((directive & 32)) && compopt -o nosort 2>/dev/null
    return 0
}
complete -F ${fn} ${program}
`;
}
