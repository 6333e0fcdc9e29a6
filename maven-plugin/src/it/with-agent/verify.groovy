// The agent instrumented the test classes and left the build-time instrumented main classes as they were:
// it dumps every class it rewrites, and none of the main classes is among them.
def log = new File(basedir, 'build.log').text
assert log.contains('tinyio-it: [A, B] after [a start, b start, a end, b end]')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert log.contains('tinyio: instrumented 2 of 2 class files in')

def testDump = new File(basedir, 'target/test-dump/it/agent')
assert new File(testDump, 'FeedTest.class').isFile()
assert !new File(testDump, 'Feed.class').exists()
assert !new File(testDump, 'Main.class').exists()
assert !new File(basedir, 'target/main-dump/it').exists()
