package demo.app;

import demo.lib.Steps;

final class Account {
    private int balance = 50;

    /** An inner class: works on its enclosing account. */
    final class Deposit {
        int apply(int amount) {
            int fee = Steps.step(0);
            balance += amount - fee;
            return balance;
        }
    }
}
