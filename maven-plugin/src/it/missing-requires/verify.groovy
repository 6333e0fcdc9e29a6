// The library, which requires dev.tinyio, built; the application, which does not, failed with the message that
// names the module, the classes instrumented in it and the line to add.
def log = new File(basedir, 'build.log').text
assert log =~ /tinyio: instrumented 2 of 3 class files in \S+app.target.classes/
assert log.contains('Module demo.app does not read dev.tinyio, the tinyio runtime, which the classes tinyio '
        + 'instrumented in it call: demo.app.Helper, demo.app.Main (instrumented because they may suspend). Run, '
        + 'they would fail with IllegalAccessError. Add this line to module demo.app\'s module-info.java: '
        + 'requires dev.tinyio;')
assert log =~ /missing-requires-lib \.+ SUCCESS/
assert log =~ /missing-requires-app \.+ FAILURE/
