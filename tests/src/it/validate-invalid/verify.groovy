// The exact compiler-style lines, in order, and no stack trace.
def lines = new File(basedir, 'build.log').readLines().findAll { it.startsWith('[ERROR] ') }
def expected = [
  '[ERROR] platform-specs/broken.yaml:27:39: error: /spec/tiers/0/limits/tokens/0/window: "1w" is not a window (weeks are not a unit; write 7d) [schema.pattern]',
  '[ERROR] platform-specs/broken.yaml:29:7: error: /spec/tiers/1/levle: unknown property `levle` (did you mean `level`?) [schema.additionalProperties]',
  '[ERROR] platform-specs/broken.yaml:33:18: error: /spec/tiers/1/limits/counter: "usr" is not one of: user, tier (did you mean `user`?) [schema.enum]',
  '[ERROR] 3 errors, 0 warnings',
]
assert lines.take(expected.size()) == expected : "got:\n" + lines.join('\n')
def log = new File(basedir, 'build.log').text
assert log.contains('[ERROR] Failed to execute goal dev.maas:maas-maven-plugin:')
assert log.contains(': maas: 3 errors, 0 warnings')
assert !log.contains('\tat dev.maas.') : 'a user mistake must not print a stack trace'
assert !log.contains('Exception')  || !log.contains('\tat ')
return true
