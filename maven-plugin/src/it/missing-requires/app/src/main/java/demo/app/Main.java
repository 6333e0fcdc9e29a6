package demo.app;

import demo.lib.Jobs;
import demo.lib.Steps;
import java.util.List;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println(Jobs.runTogether(List.of(Helper::twoSteps, () -> Steps.step(10) * 2)));
    }
}
