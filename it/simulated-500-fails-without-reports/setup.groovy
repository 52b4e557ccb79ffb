// Starts the simulator from the standalone jar (iamAuditJar, a scriptVariable in the plugin's pom), answering 500 to
// every call, on a free loopback port. Invoker reads invoker.properties before this hook runs, so the port cannot go
// there; instead the hook puts the URL into context.userProperties, which invoker passes to the build as
// -Diam.iamUrl=... and -Diam.userManagementUrl=.... verify.groovy stops the simulator (invoker runs it even when the
// build result was not the expected one), and a shutdown hook does should verify.groovy never run.
def port = new ServerSocket(0, 1, InetAddress.loopbackAddress).withCloseable { it.localPort }
def java = new File(System.getProperty('java.home'), 'bin/java').path
def output = new File(basedir, 'simulator.log')
def simulator = new ProcessBuilder(java, '-jar', iamAuditJar, 'simulator', '--port', port.toString(), '--faults', '500:every=1')
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
