// The agent given by -javaagent instrumented the test; tinyio-junit said in one line that it left it alone.
def log = new File(basedir, 'build.log').text
assert log.contains('tinyio-junit: the tinyio agent is already running in this JVM (-javaagent), so it is not ' +
        'attached again.')
assert log.contains('tinyio-it: the test ran')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
