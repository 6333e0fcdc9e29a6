// The application ran on the module path, its coroutines taking turns through both modules, and its tests passed
// in its module.
def log = new File(basedir, 'build.log').text
assert log.contains('tinyio-it: [3, 30] after [a1, t1, a2, t2]')
assert log.contains('tinyio-it: in module demo.app, module demo.lib, module dev.tinyio')
assert log.contains('Tests run: 2, Failures: 0, Errors: 0')
