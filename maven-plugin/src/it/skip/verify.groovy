// Skipped: no class carries the marker of instrumented classes, and no index was written.
def log = new File(basedir, 'build.log').text
assert log.contains('tinyio: skipped; the classes in')
['target/classes/it/skip/Feed.class', 'target/test-classes/it/skip/FeedTest.class'].each {
    def bytes = new File(basedir, it).bytes
    assert !new String(bytes, 'ISO-8859-1').contains('dev/tinyio/internal/Instrumented') : it
}
assert !new File(basedir, 'target/classes/META-INF/tinyio').exists()
