package demo.app;

/** Another implementation, which never suspends: the call through {@link Fetcher} has two targets. */
final class CachedFetcher implements Fetcher {
    @Override
    public int fetch(int id) {
        return id;
    }
}
