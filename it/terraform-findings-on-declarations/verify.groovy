import groovy.json.JsonSlurper

def simulator = context.simulator
if (simulator == null) {
    // setup.groovy failed before the build ran; invoker reports that failure.
    return true
}
try {
    def log = new File(basedir, 'build.log').text
    def reports = new File(basedir, 'target/iam-audit')
    def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))
    def sarif = new JsonSlurper().parse(new File(reports, 'iam-audit.sarif'))
    def gitlab = new JsonSlurper().parse(new File(reports, 'gl-code-quality-report.json'))

    assert log.contains('[INFO] Read 2 Terraform files under .: 7 declarations of IAM identities, account settings at'
            + ' terraform/main.tf:3; the state state.json gives 7 of them their ids')
    assert json.summary.gate == 'failed'

    // Every SARIF location is a file of this repository: GitHub shows it beside the code.
    def results = sarif.runs[0].results
    assert results.size() == json.findings.size()
    results.each {
        def uri = it.locations[0].physicalLocation.artifactLocation.uri
        assert new File(basedir, uri).isFile() : "$uri is not a file of the repository"
    }

    // Each finding of a declared identity sits on its resource block, in every format.
    def expected = [
        'serviceid-inactive ServiceId-c1000000-0000-4000-8000-000000000001': 'terraform/main.tf:9-12',
        'apikey-inactive ApiKey-c1000000-0000-4000-8000-000000000002'       : 'terraform/main.tf:14-17',
        'serviceid-inactive ServiceId-a1000000-0000-4000-8000-000000000003': 'terraform/main.tf:19-22',
        'profile-inactive Profile-0b500000-0000-4000-8000-000000000005'    : 'terraform/main.tf:24-26',
        'apikey-too-old ApiKey-b1110000-0000-4000-8000-000000000007'       :
            'terraform/modules/pipeline/main.tf:9-12',
        'identity-unmanaged ServiceId-4a4d0000-0000-4000-8000-000000000008': 'iam-audit.yml:5-5',
        'identity-unmanaged ApiKey-4a4d0000-0000-4000-8000-000000000009'   : 'iam-audit.yml:5-5',
        'account-mfa-disabled c0ffee00000000000000000000000001'            : 'terraform/main.tf:4-4',
        'account-apikey-creation-unrestricted c0ffee00000000000000000000000001': 'terraform/main.tf:6-6',
    ]
    def located = json.findings.collectEntries {
        ["${it.rule} ${it.entity.id}".toString(),
         "${it.location.file}:${it.location.line}-${it.location.endLine}".toString()]
    }
    expected.each { finding, location -> assert located[finding] == location : finding }
    assert json.findings.find { it.rule == 'profile-inactive' }.status == 'allowlisted'

    def regions = results.collect {
        def region = it.locations[0].physicalLocation.region
        def uri = it.locations[0].physicalLocation.artifactLocation.uri
        "${it.ruleId} $uri:${region.startLine}-${region.endLine ?: region.startLine}".toString()
    } as Set
    def issues = gitlab.collect {
        def lines = it.location.lines
        "${it.check_name} ${it.location.path}:${lines.begin}-${lines.end ?: lines.begin}".toString()
    } as Set
    expected.findAll { !it.key.startsWith('profile-inactive') }.each { finding, location ->
        assert regions.contains("${finding.split(' ')[0]} $location".toString())
        assert issues.contains("${finding.split(' ')[0]} $location".toString())
    }

    // The settings in force differ from the declaration on two arguments, each on its line.
    def drift = json.findings.findAll { it.rule == 'account-settings-drift' }
    assert drift*.location*.line == [6, 4]
    assert drift[1].message.startsWith('Account c0ffee00000000000000000000000001 has mfa NONE in force, but'
            + ' terraform/main.tf:4 declares mfa = "TOTP4ALL" in ibm_iam_account_settings.account. Fix: ')

    // The state holds key values: none reaches the log or a report.
    assert !log.contains('FAKE-SECRET')
    assert !log.contains('iam-audit-it-key')
    reports.eachFileRecurse { assert !it.text.contains('FAKE-SECRET') : "a secret in $it" }
} finally {
    simulator.destroy()
}
return true
