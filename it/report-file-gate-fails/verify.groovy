import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/iam-audit')
def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))

assert json.summary.gate == 'failed'
assert json.summary.failOn == 'medium'
assert json.summary.violations == 7
assert json.summary.blocking == 6
assert json.summary.allowlisted == 0
assert json.report == [reference: '4a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d', durationHours: 720,
                       startTime: '2026-01-01T12:00:00Z', endTime: '2026-01-31T12:00:00Z']
assert json.findings.collect { [it.rule, it.severity, it.status, it.entity.id] } == [
    ['apikey-inactive', 'high', 'violation', 'ApiKey-7f3c0000-0000-4000-8000-000000000001'],
    ['apikey-inactive', 'high', 'violation', 'ApiKey-7f3c0000-0000-4000-8000-000000000002'],
    ['apikey-never-used', 'high', 'violation', 'ApiKey-7f3c0000-0000-4000-8000-000000000004'],
    ['profile-inactive', 'medium', 'violation', 'Profile-9a2b0000-0000-4000-8000-000000000001'],
    ['serviceid-inactive', 'medium', 'violation', 'ServiceId-5e1d0000-0000-4000-8000-000000000002'],
    ['user-inactive', 'medium', 'violation', 'IBMid-270000DANA'],
    ['user-multiple-apikeys', 'low', 'violation', 'IBMid-270000CHRS'],
]

// The failure lists every blocking violation as the JSON has it, then where the reports are.
assert log.contains('[ERROR] Failed to execute goal dev.iamaudit:iam-maven-plugin:')
assert log.contains(':audit (default) on project report-file-gate-fails: IAM audit failed: 7 violations (3 high, 3 medium, 1 low), 0 allowlisted, 10 rules not evaluated; 6 at or above failOn medium:')
assert log.contains("[ERROR]   [high] apikey-inactive: API key 'ci-deployer' (ApiKey-7f3c0000-0000-4000-8000-000000000001) of user 'Chris CI' (IBMid-270000CHRS) last authenticated 2025-10-15, 108 days ago; threshold 90 days. Fix: delete it with 'ibmcloud iam api-key-delete ApiKey-7f3c0000-0000-4000-8000-000000000001', ")
json.findings.findAll { it.severity != 'low' }.each {
    assert log.contains("[ERROR]   [${it.severity}] ${it.rule}: ${it.message}")
}
assert !log.contains('user-multiple-apikeys: ')
assert log.contains("[ERROR] Reports: ${reports.canonicalPath}\n")
assert log.contains('/MojoFailureException')
assert log.contains('[INFO] Policy: none found at iam-audit.yml, using the defaults\n'
        + '[INFO] Allowlist: none found at iam-allowlist.yml, no exceptions\n')

def junit = new File(reports, 'TEST-iam-audit.xml')
assert junit.exists()
def failed = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' && it.failure.size() > 0 }
// JUnit agrees with the gate: the 6 blocking violations fail; the low one is skipped, saying why.
assert failed.size() == 6
def skipped = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' && it.skipped.size() > 0 }.collect { it.skipped.@message.text() }
assert skipped.count { it.startsWith('below failOn medium, so it does not fail the gate: User ') } == 1
return true
