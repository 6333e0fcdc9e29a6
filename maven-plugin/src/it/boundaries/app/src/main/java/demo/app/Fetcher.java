package demo.app;

interface Fetcher {
    int fetch(int id);
}
