// Instrumented at build time: main ran without the agent, the index is in the jar, a second build changed nothing.
def log = new File(basedir, 'build.log').text
assert log.contains('tinyio-it: [A, B] after [a start, b start, a end, b end]')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
assert log.contains('tinyio: instrumented 2 of 2 class files in')
assert log.contains('tinyio: instrumented 1 of 1 class files in')
assert log.contains('tinyio: instrumented 0 of 2 class files in')
assert log.contains('tinyio: instrumented 0 of 1 class files in')

def index = new File(basedir, 'target/classes/META-INF/tinyio/suspendable.idx').text
assert index.contains('it/buildtime/Feed fetch(Ljava/util/List;Ljava/lang/String;)Ljava/lang/String;\n')
def testIndex = new File(basedir, 'target/test-classes/META-INF/tinyio/suspendable.idx').text
assert testIndex.contains('it/buildtime/FeedTest fetchBoth(Ljava/util/List;Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;\n')

def jar = new java.util.jar.JarFile(new File(basedir, 'target/build-time-1.jar'))
assert jar.getEntry('META-INF/tinyio/suspendable.idx') != null
jar.close()
