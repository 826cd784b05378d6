def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] maas: platform-specs/acme.yaml is valid (platform acme)')
assert !log.contains('[ERROR]')
// The reference spec's one lint warning, and no other: its free tier is below one typical response on purpose.
def warnings = log.readLines().findAll { it.startsWith('[WARNING] platform-specs') }
assert warnings == ['[WARNING] platform-specs/acme.yaml:36:18: warning: /spec/tiers/0/limits/tokens/0: tier `free` allows 100 tokens per 1m, less than one typical response (256 tokens): a caller gets about one answer per window (raise the limit to at least 256, or set 0 to deny on purpose)'] : warnings
return true
