# Hostile project files: `flightdeck validate` on the worst of them exits 2
# with file:line:col, never crashes or hangs.
current="hostile-validate"; CASE_OK=1
mkdir -p "$WORK/hostile"
printf 'project: x\npools: %s\n' "$(head -c 100000 /dev/zero | tr '\0' '[')" > "$WORK/hostile/deep.yaml"
{ printf 'project: x\nlol0: &l0 [lol]\n'
  for i in 1 2 3 4 5 6 7 8 9; do
      printf 'lol%d: &l%d [' "$i" "$i"
      for j in 1 2 3 4 5 6 7 8 9; do printf '*l%d, ' $((i - 1)); done
      printf '*l%d]\n' $((i - 1))
  done; } > "$WORK/hostile/bomb.yaml"
printf 'project: x\nseed: 1e400\npools: {cpu: 99999999999999999999999}\n\033]0;owned\007: \377\376\n' > "$WORK/hostile/scalars.yaml"
for f in deep bomb scalars; do
    out=$(timeout 20 "$BIN" validate "$WORK/hostile/$f.yaml" 2>&1 </dev/null); rc=$?
    [ "$rc" = 2 ] || fail "validate $f.yaml: exit status $rc: $(echo "$out" | head -c 300)"
    echo "$out" | grep -q "$f.yaml:[0-9][0-9]*:[0-9][0-9]*: error: " || fail "validate $f.yaml lacks file:line:col: $(echo "$out" | head -c 300)"
    if printf '%s' "$out" | LC_ALL=C grep -q "$(printf '\033')"; then fail "validate $f.yaml printed an escape character"; fi
done
[ "$CASE_OK" = 1 ] && { passed=$((passed + 1)); echo "  ok   [hostile-validate]"; }
