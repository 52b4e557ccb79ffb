package dev.iamaudit.simulator;

/** SKELETON: replaced by the simulator work (issue 3). */
public final class SimulatedAccount {}
