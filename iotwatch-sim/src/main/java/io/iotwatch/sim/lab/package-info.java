/**
 * The attack lab: a small IoT network of Linux network namespaces joined by a bridge in a namespace of its own,
 * real attack tools run against it one window at a time, a capture of everything on the bridge, the ground
 * truth of each attack, a check that the capture holds each attack, and, with iotwatch watching live, the
 * table of what it detected and how soon. docs/LAB.md describes it.
 */
package io.iotwatch.sim.lab;
