// Starts the simulator from the standalone jar (iamAuditJar, a scriptVariable in the plugin's pom) with the account
// of account.json, whose ids the Terraform state names, on a free loopback port; the URL reaches the build as
// -Diam.iamUrl and -Diam.userManagementUrl through context.userProperties. verify.groovy stops it.
def port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
def java = new File(System.getProperty('java.home'), 'bin/java').path
def output = new File(basedir, 'simulator.log')
def simulator = new ProcessBuilder(java, '-jar', iamAuditJar, 'simulator', '--port', port.toString(),
        '--fixture', new File(basedir, 'account.json').path)
        .redirectErrorStream(true).redirectOutput(output).start()
Runtime.runtime.addShutdownHook(new Thread({ simulator.destroy() }))

def deadline = System.nanoTime() + 30_000_000_000L
while (true) {
    try {
        new Socket(InetAddress.loopbackAddress, port).close()
        break
    } catch (IOException notYet) {
        if (!simulator.alive) {
            throw new IllegalStateException("The simulator exited with ${simulator.exitValue()}: ${output.text}")
        }
        if (System.nanoTime() > deadline) {
            simulator.destroy()
            throw new IllegalStateException("The simulator did not listen on port $port within 30 s: ${output.text}")
        }
        Thread.sleep(100)
    }
}
context.simulator = simulator
def url = "http://127.0.0.1:$port".toString()
context.userProperties.setProperty('iam.iamUrl', url)
context.userProperties.setProperty('iam.userManagementUrl', url)
return true
