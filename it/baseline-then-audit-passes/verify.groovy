import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import java.time.LocalDate

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/iam-audit')
def allowlist = new File(basedir, 'iam-allowlist.yml').text
def reviewed = new File(basedir, 'iam-allowlist.reviewed.yml').text

// What people wrote stays byte for byte; the baseline follows it.
assert allowlist.startsWith(reviewed + '\n# Baseline of ')
def baselineDay = LocalDate.parse((allowlist =~ /# Baseline of (\d{4}-\d{2}-\d{2}): 6 violations accepted/)[0][1])
def expires = baselineDay.plusDays(90)
assert log.contains("[INFO] Added 6 entries to iam-allowlist.yml (expires ${expires}, owner platform-team@example.com)\n")
assert log.contains('[INFO] Nothing to add: every finding is allowlisted already (7 findings); iam-allowlist.yml is unchanged\n')
assert !new File(basedir, 'iam-allowlist.schema.json').exists()

// The audit that follows: every finding allowlisted, the reviewed one by its own entry, the rest by the baseline's.
def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))
assert json.summary.gate == 'passed'
assert json.summary.violations == 0
assert json.summary.allowlisted == 7
assert json.findings.every { it.status == 'allowlisted' }
def byRule = json.findings.collect { [it.rule, it.entity.id, it.allowlist.reason, it.allowlist.owner, it.allowlist.expires] }
def accepted = "Accepted as a baseline on ${baselineDay}".toString()
assert byRule == [
    ['apikey-inactive', 'ApiKey-7f3c0000-0000-4000-8000-000000000001', 'Deploys the yearly release only', 'platform@example.com', '2099-12-31'],
    ['apikey-inactive', 'ApiKey-7f3c0000-0000-4000-8000-000000000002', accepted, 'platform-team@example.com', expires.toString()],
    ['apikey-never-used', 'ApiKey-7f3c0000-0000-4000-8000-000000000004', accepted, 'platform-team@example.com', expires.toString()],
    ['profile-inactive', 'Profile-9a2b0000-0000-4000-8000-000000000001', accepted, 'platform-team@example.com', expires.toString()],
    ['serviceid-inactive', 'ServiceId-5e1d0000-0000-4000-8000-000000000002', accepted, 'platform-team@example.com', expires.toString()],
    ['user-inactive', 'IBMid-270000DANA', accepted, 'platform-team@example.com', expires.toString()],
    ['user-multiple-apikeys', 'IBMid-270000CHRS', accepted, 'platform-team@example.com', expires.toString()],
]
// Each baseline entry is where its finding points, after the reviewed lines.
def reviewedLines = reviewed.readLines().size()
assert json.findings.drop(1).every { it.allowlist.entry ==~ /iam-allowlist\.yml:(\d+):3/ && (it.allowlist.entry =~ /:(\d+):/)[0][1].toInteger() > reviewedLines }

def junit = new XmlSlurper().parse(new File(reports, 'TEST-iam-audit.xml'))
assert junit.'**'.findAll { it.name() == 'testcase' && it.failure.size() > 0 }.size() == 0
assert log.contains("[INFO] IAM audit passed: 0 violations, 7 allowlisted, 10 rules not evaluated; none at or above failOn medium. Reports: ${reports.canonicalPath}\n")
assert log.contains('[INFO] BUILD SUCCESS')
assert !log.contains('[INFO] BUILD FAILURE')
return true
