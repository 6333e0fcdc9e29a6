package demo.app;

import demo.lib.Steps;

final class SlowFetcher implements Fetcher {
    @Override
    public int fetch(int id) {
        return Steps.step(id) + 100;
    }
}
