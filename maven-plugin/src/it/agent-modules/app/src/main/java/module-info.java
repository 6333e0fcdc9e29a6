module demo.app {
    requires demo.lib;
    requires dev.tinyio;
}
