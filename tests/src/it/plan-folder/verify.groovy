def same = new File(basedir, 'target/maas/plan.md').text
assert same.contains('**Summary:** no changes.')
assert same.contains('| **free** | requests 5/2m; tokens 100/1m; per user | no access | no access |')

def next = new File(basedir, 'target/plan-next/plan.md').text
assert next.contains('- premium: tokens per 1m for llama-70b 20,000 → 40,000\n')
assert next.contains('- free: requests per 2m for granite-8b 5 → 3 — **breaking**\n')
assert next.contains('~~requests 20/2m; tokens 20,000/1m; per user~~ → **requests 20/2m; tokens 40,000/1m; per user**')
assert next.contains('```mermaid\nflowchart LR')
assert next.contains('<details><summary>changed TokenRateLimitPolicy maas-system/acme-token-limits</summary>')

def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/plan-next/plan.json'))
assert json.breaking == true
assert json.platforms[0].changes*.text == ['free: requests per 2m for granite-8b 5 → 3',
                                          'premium: tokens per 1m for llama-70b 20,000 → 40,000']

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] **Summary:** no changes.')
assert log.contains('[WARNING] maas: breaking: free: requests per 2m for granite-8b 5 ')
// The generated folder is the base, never written by plan.
assert new File(basedir, 'target/maas/acme/base/kustomization.yaml').isFile()
return true
