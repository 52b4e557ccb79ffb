import groovy.json.JsonSlurper
import groovy.xml.XmlSlurper
import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.security.MessageDigest
import java.util.concurrent.TimeUnit

// iamAuditDistribution and iamAuditVersion are scriptVariables in the plugin's pom.
def zip = Path.of(iamAuditDistribution)
def top = "iam-audit-${iamAuditVersion}"

// The checksum file next to the zip, in the format 'sha256sum -c' reads.
def sha256 = MessageDigest.getInstance('SHA-256').digest(Files.readAllBytes(zip)).encodeHex().toString()
assert new File("${iamAuditDistribution}.sha256").text == "${sha256}  ${zip.fileName}\n"

// Unzipped as unzip(1) does: the modes the zip records are applied, so bin/iam-audit runs only if the zip marks it
// executable. A space in the folder's name, as in many home directories.
def fresh = new File(basedir, 'fresh unzip')
fresh.deleteDir()
def modes = [:]
FileSystems.newFileSystem(zip, [enablePosixFileAttributes: true]).withCloseable { fs ->
    Files.walk(fs.getPath('/')).filter { Files.isRegularFile(it) }.forEach { entry ->
        def name = entry.toString().substring(1)
        def permissions = Files.getPosixFilePermissions(entry)
        modes[name] = PosixFilePermissions.toString(permissions)
        def target = fresh.toPath().resolve(name)
        Files.createDirectories(target.parent)
        Files.copy(entry, target)
        Files.setPosixFilePermissions(target, permissions)
    }
}
assert modes == [
        ("${top}/LICENSE".toString())           : 'rw-r--r--',
        ("${top}/README.md".toString())         : 'rw-r--r--',
        ("${top}/bin/iam-audit".toString())     : 'rwxr-xr-x',
        ("${top}/bin/iam-audit.cmd".toString()) : 'rw-r--r--',
        ("${top}/lib/iam-audit.jar".toString()) : 'rw-r--r--',
]
def home = new File(fresh, top)
assert new File(home, 'LICENSE').readLines()[1].trim() == 'Apache License'
def launcher = new File(home, 'bin/iam-audit')
assert launcher.text.startsWith('#!/bin/sh\n') && !launcher.text.contains('\r')
def cmd = new File(home, 'bin/iam-audit.cmd').text
assert cmd.startsWith('@echo off\r\n') && cmd.endsWith('\r\n') && cmd.count('\n') == cmd.count('\r\n')

def javaHome = System.getProperty('java.home')

// Runs a command with only the given environment (no IBMCLOUD_API_KEY, no JAVA_OPTS from the build's own) in dir.
def run = { Map<String, String> environment, File dir, List<String> command ->
    dir.mkdirs()
    def out = new File(dir, 'stdout.txt')
    def err = new File(dir, 'stderr.txt')
    def builder = new ProcessBuilder(command).directory(dir).redirectOutput(out).redirectError(err)
    builder.environment().clear()
    builder.environment().putAll(environment)
    def process = builder.start()
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly()
        assert false: "${command} did not end within 120 s"
    }
    [code: process.exitValue(), out: out.text, err: err.text]
}
def plain = [PATH: '/usr/bin:/bin', JAVA_HOME: javaHome]
def work = new File(basedir, 'work')
work.deleteDir()

// The demo fails its gate on purpose: exit 1, after writing reports that parse.
def demo = run(plain, new File(work, 'demo'), [launcher.path, '--demo', '--out', 'reports of the demo'])
assert demo.code == 1: demo
def reports = new File(work, 'demo/reports of the demo')
def json = new JsonSlurper().parse(new File(reports, 'iam-audit.json'))
assert json.summary.gate == 'failed'
def sarif = new JsonSlurper().parse(new File(reports, 'iam-audit.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs[0].results.size() == json.findings.size()
assert sarif.runs[0].results.size() > 0
def junit = new XmlSlurper().parse(new File(reports, 'TEST-iam-audit.xml'))
def failures = junit.'**'.findAll { it.name() == 'failure' }
assert failures.size() > 0
assert junit.@failures.toInteger() == failures.size()

def version = run(plain, new File(work, 'version'), [launcher.path, '--version'])
assert version == [code: 0, out: "iam-audit ${iamAuditVersion}\n".toString(), err: '']

// The help names the command as the launcher runs it; the jar run directly names java -jar.
def help = run(plain, new File(work, 'help'), [launcher.path, 'rules', '--help'])
assert help.code == 0 && help.err == '': help
assert help.out.startsWith('Usage: iam-audit rules [-hV] [ID]\n'): help.out
def jarHelp = run(plain, new File(work, 'jar-help'), ["${javaHome}/bin/java".toString(), '-jar',
        new File(home, 'lib/iam-audit.jar').path, 'rules', '--help'])
assert jarHelp.out.startsWith('Usage: java -jar iam-audit.jar rules [-hV] [ID]\n'): jarHelp.out

// Through a relative symlink in another folder, found on the PATH, as a package manager would install it.
def links = new File(work, 'links')
links.mkdirs()
Files.createSymbolicLink(links.toPath().resolve('iam-audit'), links.toPath().relativize(launcher.toPath()))
def linked = run([PATH: "${links}:/usr/bin:/bin".toString(), JAVA_HOME: javaHome], new File(work, 'linked'),
        ['/bin/sh', '-c', 'iam-audit --version'])
assert linked == version

// Without the demo and without a key the tool refuses (exit 2): the GitLab component relies on that. The wording is
// the CLI's, checked by its own tests.
def noKey = run(plain, new File(work, 'no-key'), [launcher.path, '--out', 'reports'])
assert noKey.code == 2: noKey
assert noKey.err.contains('IBMCLOUD_API_KEY')
assert !new File(work, 'no-key/reports').exists()

// A stand-in java records the exact arguments it gets and exits 3, a code the demo cannot give: the launcher hands
// the JVM its defaults, then JAVA_OPTS (later options win), then the arguments one for one, and returns the code.
def fakeJdk = new File(work, 'fake jdk')
def fakeJava = new File(fakeJdk, 'bin/java')
fakeJava.parentFile.mkdirs()
def argsFile = new File(work, 'java-args.txt')
fakeJava.text = "#!/bin/sh\nprintf '%s\\n' \"\$@\" > '${argsFile}'\nexit 3\n"
fakeJava.setExecutable(true)
def jar = new File(home, 'lib/iam-audit.jar').canonicalPath
def recorded = { Map<String, String> environment, List<String> arguments ->
    argsFile.delete()
    def result = run(environment, new File(work, 'fake'), [launcher.path] + arguments)
    assert result == [code: 3, out: '', err: '']
    argsFile.readLines()
}
def withFake = [PATH: '/usr/bin:/bin', JAVA_HOME: fakeJdk.path]
assert recorded(withFake + [JAVA_OPTS: '-Xmx300m -Dglob=*'], ['--out', 'a folder', '--fail-on', 'never']) ==
        ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Diam-audit.command=iam-audit', '-Xmx300m', '-Dglob=*', '-jar', jar,
         '--out', 'a folder', '--fail-on', 'never']
// Two collectors would stop the JVM, so one chosen in the user's options replaces the default.
assert recorded(withFake + [JAVA_OPTS: '-XX:+UseParallelGC'], ['--demo']) ==
        ['-XX:TieredStopAtLevel=1', '-Diam-audit.command=iam-audit', '-XX:+UseParallelGC', '-jar', jar, '--demo']
assert recorded(withFake + [JDK_JAVA_OPTIONS: '-XX:+UseZGC'], ['--demo']) ==
        ['-XX:TieredStopAtLevel=1', '-Diam-audit.command=iam-audit', '-jar', jar, '--demo']
// Without JAVA_HOME, the java on the PATH.
assert recorded([PATH: "${fakeJava.parent}:/usr/bin:/bin".toString()], ['--version']) ==
        ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Diam-audit.command=iam-audit', '-jar', jar, '--version']

// A Java older than 17 would fail to load the jar with exit 1, a failed gate to CI; the launcher says so, exit 2.
new File(fakeJdk, 'release').text = 'IMPLEMENTOR="Test"\nJAVA_VERSION="11.0.2"\n'
argsFile.delete()
def old = run(withFake, new File(work, 'old'), [launcher.path, '--demo'])
assert old == [code: 2, out: '',
               err: "iam-audit: ${fakeJava} is Java 11.0.2; iam-audit needs Java 17 or later: set JAVA_HOME to one\n".toString()]
assert !argsFile.exists()

def noJava = run([PATH: '/usr/bin:/bin', JAVA_HOME: new File(work, 'no jdk').path], new File(work, 'no-java'),
        [launcher.path, '--demo'])
assert noJava == [code: 2, out: '',
                  err: "iam-audit: JAVA_HOME is ${work}/no jdk, which has no bin/java; point it at a Java 17 or later, or unset it to use the java on the PATH\n".toString()]
return true
