def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] maas: platform-specs/acme.yaml is valid (platform acme)')
assert !log.contains('[ERROR]')
assert !log.contains('[WARNING] platform-specs')
return true
