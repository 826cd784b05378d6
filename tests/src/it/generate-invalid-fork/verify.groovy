// Both runs print the same compiler-style lines and fail with the same message; neither prints a stack trace.
def lines = new File(basedir, 'build.log').readLines()
def diagnostics = lines.findAll { it.startsWith('[ERROR] platform-specs/broken.yaml:') || it == '[ERROR] 3 errors, 0 warnings' }
def expected = [
  '[ERROR] platform-specs/broken.yaml:27:39: error: /spec/tiers/0/limits/tokens/0/window: "1w" is not a window (weeks are not a unit; write 7d) [schema.pattern]',
  '[ERROR] platform-specs/broken.yaml:29:7: error: /spec/tiers/1/levle: unknown property `levle` (did you mean `level`?) [schema.additionalProperties]',
  '[ERROR] platform-specs/broken.yaml:33:18: error: /spec/tiers/1/limits/counter: "usr" is not one of: user, tier (did you mean `user`?) [schema.enum]',
  '[ERROR] 3 errors, 0 warnings',
]
assert diagnostics == expected + expected : "got:\n" + diagnostics.join('\n')
def failures = lines.findAll { it.startsWith('[ERROR] Failed to execute goal dev.maas:maas-maven-plugin:') }
assert failures.size() == 2 : failures
assert failures.every { it.endsWith(': maas: 3 errors, 0 warnings -> [Help 1]') || it.contains(': maas: 3 errors, 0 warnings') }
def log = new File(basedir, 'build.log').text
assert !log.contains('\tat ') : 'a user mistake must not print a stack trace'
assert !log.contains('SLF4J')
assert !new File(basedir, 'target/maas').exists() : 'nothing written'
return true
