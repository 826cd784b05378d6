def git(String... args) {
  def p = (['git', '--git-dir', new File(basedir, 'remote.git').absolutePath] + args.toList()).execute()
  def out = p.text
  p.waitFor()
  assert p.exitValue() == 0 : p.err.text
  return out.trim()
}
// Two publishes of the same spec: exactly one commit.
assert git('rev-list', '--count', 'main') == '1'
def message = git('log', '-1', '--format=%B', 'main')
assert message.startsWith('maas: acme: ')
assert message.contains('Maas-Spec-Hash: sha256:')
assert message.contains('Maas-Plugin-Version: ')
def files = git('ls-tree', '-r', '--name-only', 'main').readLines()
assert files.contains('clusters/acme/base/kustomization.yaml')
assert files.contains('clusters/acme/overlays/dev/kustomization.yaml')
assert files.contains('clusters/acme/argocd/kustomization.yaml')
assert files.every { it.startsWith('clusters/acme/') }
def log = new File(basedir, 'build.log').text
assert log.contains('maas: pushed ')
assert log.contains('is up to date: nothing to commit')
return true
