// The forked and the in-process run wrote the same bytes; the third run forked nothing; the JVM's own messages
// (class-data archive, SLF4J) stayed out of the build's output.
def tree = { File root ->
  def files = [:]
  root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.bytes.encodeHex().toString() }
  files
}
def forked = tree(new File(basedir, 'target/forked'))
def inProcess = tree(new File(basedir, 'target/in-process'))
assert forked.size() > 20 : forked.keySet()
assert forked.keySet() == inProcess.keySet()
forked.each { name, bytes -> assert bytes == inProcess[name] : 'differs: ' + name }
def log = new File(basedir, 'build.log').text
assert log.count('[INFO] maas: wrote ') == 2
assert log.contains('target/forked is up to date')
assert !log.contains('[ERROR]')
assert !log.contains('SLF4J')
assert !log.contains('[cds')
// The first forked run of this plugin and JDK recorded a class-data archive beside the local repository (it-repo).
def archives = new File(basedir, '../../maas').listFiles()?.findAll { it.name ==~ /generate-.*\.jsa/ }
assert archives : 'no class-data archive in ' + new File(basedir, '../../maas').canonicalPath
return true
