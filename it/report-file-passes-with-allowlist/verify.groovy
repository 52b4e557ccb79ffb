import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/iam-audit')
def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))

assert json.summary.gate == 'passed'
assert json.summary.violations == 0
assert json.summary.allowlisted == 7
assert json.findings.size() == 7
assert json.findings.every { it.status == 'allowlisted' }
assert json.findings.collect { [it.rule, it.entity.id, it.allowlist.entry] } == [
    ['apikey-inactive', 'ApiKey-7f3c0000-0000-4000-8000-000000000001', 'iam-allowlist.yml:1:3'],
    ['apikey-inactive', 'ApiKey-7f3c0000-0000-4000-8000-000000000002', 'iam-allowlist.yml:6:3'],
    ['apikey-never-used', 'ApiKey-7f3c0000-0000-4000-8000-000000000004', 'iam-allowlist.yml:10:3'],
    ['profile-inactive', 'Profile-9a2b0000-0000-4000-8000-000000000001', 'iam-allowlist.yml:14:3'],
    ['serviceid-inactive', 'ServiceId-5e1d0000-0000-4000-8000-000000000002', 'iam-allowlist.yml:17:3'],
    ['user-inactive', 'IBMid-270000DANA', 'iam-allowlist.yml:21:3'],
    ['user-multiple-apikeys', 'IBMid-270000CHRS', 'iam-allowlist.yml:26:3'],
]
assert json.findings[0].allowlist == [entry: 'iam-allowlist.yml:1:3', reason: 'Deploys the yearly release only',
                                      owner: 'platform@example.com', expires: '2099-12-31']

assert log.contains("[INFO] IAM audit passed: 0 violations, 7 allowlisted, 10 rules not evaluated; none at or above failOn medium. Reports: ${reports.canonicalPath}\n")
assert log.contains('[INFO] BUILD SUCCESS')
assert log.contains('[INFO] Policy: iam-audit.yml (every rule at its default)\n[INFO] Allowlist: iam-allowlist.yml (7 entries)\n')

def junit = new File(reports, 'TEST-iam-audit.xml')
assert junit.exists()
def testcases = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' }
def skipped = testcases.findAll { it.skipped.size() > 0 }.collect { it.skipped.@message.text() }
// the 7 allowlisted findings, and one skipped case for each rule a saved report cannot evaluate
assert skipped.count { it ==~ /allowlisted until 2099-12-31(, by [^:]+)?: .+ \(iam-allowlist\.yml:\d+\)/ } == 7
assert skipped.count { it.startsWith('allowlisted until 2099-12-31, by platform@example.com: ') } >= 1
assert skipped.count { it.startsWith('not evaluated: needs ') } == 10
assert testcases.count { it.failure.size() > 0 } == 0
return true
