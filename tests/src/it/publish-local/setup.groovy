def remote = new File(basedir, 'remote.git')
def p = ['git', 'init', '--bare', '--initial-branch=main', remote.absolutePath].execute()
p.waitFor()
assert p.exitValue() == 0 : p.err.text
return true
