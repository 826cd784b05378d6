def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] maas: platform-specs/acme.yaml is valid (platform acme)')
assert !log.contains('[ERROR]')
// The default spec runs clean: no warning at all.
def warnings = log.readLines().findAll { it.contains('warning:') }
assert warnings == [] : warnings
return true
