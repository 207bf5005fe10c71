/**
 * The planted attacks, one class per attack or family, each producing the packets the real tool would
 * (hping3, nmap, nikto, hydra, arpspoof, dnsspoof, iodine, ab, slowhttptest, curl, Mirai's flood code, an
 * implant's beacon), with the victims' and the attackers' kernels' answers, in its own time slot.
 */
package io.iotwatch.sim.packets.attack;
