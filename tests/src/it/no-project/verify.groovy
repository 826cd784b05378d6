// Outside a project, every default resolves under the working folder.
def literal = new File(basedir, '${project.basedir}')
assert !literal.exists() : 'a folder named after an unresolved expression was written: ' + literal
assert new File(basedir, 'target/maas/acme/base/kustomization.yaml').isFile()
assert new File(basedir, 'target/maas/platform-spec.schema.json').isFile()
assert new File(basedir, 'target/maas/plan.md').text.contains('**Summary:** no changes')
assert new File(basedir, 'target/maas/plan.json').isFile()
assert new File(basedir, 'target/maas-git').isDirectory()
def log = new File(basedir, 'build.log').text
assert log.contains('maas: pushed ')
assert !log.contains('[ERROR]')
return true
