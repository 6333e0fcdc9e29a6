module demo.lib {
    requires dev.tinyio;
    exports demo.lib;
}
