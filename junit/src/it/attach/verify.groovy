// The test ran with no -javaagent, no argLine and no plugin, and its coroutines suspended through the helpers.
def log = new File(basedir, 'build.log').text
assert !log.contains('-javaagent')
assert log.contains('tinyio-it: [AB, C] after [a start, c start, a end, b start, c end, b end]')
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('BUILD SUCCESS')
