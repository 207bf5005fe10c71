/** Ground truth of attacks in captures, shared by the packet generator and the attack lab, and its CSV file. */
package io.iotwatch.sim.truth;
