module demo.app {
    requires demo.lib;
}
