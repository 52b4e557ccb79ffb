def simulator = context.simulator
if (simulator == null) {
    // setup.groovy failed before the build ran; invoker reports that failure.
    return true
}
try {
    def log = new File(basedir, 'build.log').text
    def marker = 'on project simulated-500-fails-without-reports: '
    def errorLine = log.readLines().find { it.contains(marker) }

    assert errorLine != null
    def message = errorLine.substring(errorLine.indexOf(marker) + marker.length())
    assert message.contains('500')
    assert message.endsWith(' -> [Help 1]')
    assert log.contains('/MojoExecutionException')
    assert !new File(basedir, 'target/iam-audit/iam-audit.json').exists()
    assert !log.contains('iam-audit-it-key')
} finally {
    simulator.destroy()
}
return true
