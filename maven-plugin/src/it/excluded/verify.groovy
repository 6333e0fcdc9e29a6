// The excluded class was left as the compiler wrote it; the others were instrumented.
def marked = { path -> new String(new File(basedir, path).bytes, 'ISO-8859-1').contains('dev/tinyio/internal/Instrumented') }
assert !marked('target/classes/it/excluded/Legacy.class')
assert marked('target/classes/it/excluded/Current.class')
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
