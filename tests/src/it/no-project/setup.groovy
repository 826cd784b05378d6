// A bare repository stands in for the GitOps remote; the spec names it, as there is no POM to set maas.git.url.
def remote = new File(basedir, 'remote.git')
def p = ['git', 'init', '--bare', '--initial-branch=main', remote.absolutePath].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
def spec = new File(basedir, 'platform-specs/acme.yaml')
spec.text = spec.text.replace('https://git.example.com/platform/maas-gitops.git', remote.toURI().toString().replace('file:/', 'file:///'))
assert !new File(basedir, 'pom.xml').exists()
return true
