def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] maas: platform-specs/acme.yaml is valid (platform acme)')
// help writes to standard output, without a log prefix.
assert log.contains('\nmaas:generate\n')
assert !log.contains('[ERROR]')
return true
