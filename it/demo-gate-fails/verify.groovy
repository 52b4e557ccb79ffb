import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper

def log = new File(basedir, 'build.log').text
def reports = new File(basedir, 'target/iam-audit')
def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))

// The demo account is built to fail its gate; whatever it holds, the log and the JSON agree.
assert json.summary.gate == 'failed'
def violations = json.findings.findAll { it.status == 'violation' }
assert violations.size() == json.summary.violations
def severities = ['critical', 'high', 'medium', 'low']
def blocking = violations.findAll { severities.indexOf(it.severity) <= severities.indexOf(json.summary.failOn) }
assert blocking.size() == json.summary.blocking
assert blocking.size() > 0
// The failure states the totals the JSON holds: violations by severity, allowlisted, rules not evaluated.
def bySeverity = severities.collect { s -> [s, violations.count { it.severity == s }] }.findAll { it[1] > 0 }
def notEvaluated = json.rules.count { it.state == 'not-evaluated' }
assert log.contains("on project demo-gate-fails: IAM audit failed: ${violations.size()} violations ("
        + bySeverity.collect { "${it[1]} ${it[0]}" }.join(', ') + "), ${json.summary.allowlisted} allowlisted"
        + (notEvaluated == 0 ? '' : ", ${notEvaluated} rules not evaluated")
        + "; ${blocking.size()} at or above failOn ${json.summary.failOn}:\n")
blocking.take(20).each { assert log.contains("[ERROR]   [${it.severity}] ${it.rule}: ${it.message}\n") }
assert log.contains("[ERROR] Reports: ${reports.canonicalPath}\n")
assert log.contains('/MojoFailureException')

def junit = new File(reports, 'TEST-iam-audit.xml')
assert junit.exists()
def failed = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' && it.failure.size() > 0 }
// JUnit agrees with the gate: only the blocking violations fail, the rest are skipped with the reason.
assert failed.size() == blocking.size()
def belowFailOn = new XmlSlurper().parse(junit).'**'.findAll { it.name() == 'testcase' && it.skipped.@message.text().startsWith('below failOn medium') }
assert belowFailOn.size() == violations.size() - blocking.size()
return true
