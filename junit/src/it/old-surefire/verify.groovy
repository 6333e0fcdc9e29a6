// Surefire 3.5.2 loaded the test class before the launcher session opened: the run failed with the one message
// that names it and the two fixes.
def log = new File(basedir, 'build.log').text
def agentJar = new File(localRepositoryPath,
        "dev/tinyio/tinyio-agent/${tinyioVersion}/tinyio-agent-${tinyioVersion}-all.jar").canonicalPath
def message = 'tinyio-junit cannot instrument it.junit.FeedTest: loaded before the JUnit launcher session opened, ' +
        'before the tinyio agent could be attached. Use Surefire 3.5.4 or later (but not 3.6.0, and with ' +
        'reuseForks left true), which opens the session first, or run the tests with -javaagent:' + agentJar + '.'
assert log.contains(message)
assert !log.contains('tinyio-it:')
assert log.contains('BUILD FAILURE')
