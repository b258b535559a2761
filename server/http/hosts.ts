// Which names this server answers to (the Host header), against DNS rebinding: a web page whose
// own domain was pointed at this server's address sends its own name as Host and as Origin, so
// "same origin" alone would let it call the API. Only names the server knows are its own pass:
// - listening on loopback (127.0.0.1, ::1, localhost): the loopback names 127.0.0.1, localhost, [::1];
// - listening on every interface (0.0.0.0, ::), as a salon computer that lets the others connect
//   does: the loopback names, the computer's own addresses (read again when an address it does
//   not know yet arrives, e.g. after DHCP gave it a new one) and its host name (also as
//   <name>.local);
// - listening on one address or name: that one;
// - always: the names configured with --allowed-host / INBOX_ALLOWED_HOSTS (e.g. the public
//   name a reverse proxy forwards, which keeps the Host the browser sent).
// An IP address typed in a browser cannot be rebound, but it is still only allowed when it is
// one of this computer's: the list stays explicit.
import { isIP } from 'node:net';
import { hostname as osHostname, networkInterfaces } from 'node:os';

export type HostPolicy = {
  /** True when the Host header names this server by an allowed name (its port is not checked). */
  allows(hostHeader: string | undefined): boolean;
};

export const LOOPBACK_HOST_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '[::]', '']);

/** "127.0.0.1:4780" → "127.0.0.1", "[::1]:4780" → "[::1]", "Inbox.Example" → "inbox.example"; null if unreadable. */
export function hostNameOf(hostHeader: string): string | null {
  try {
    const { hostname, username, password, pathname, search, hash } = new URL(`http://${hostHeader}`);
    if (username || password || pathname !== '/' || search || hash) return null;
    return hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return null;
  }
}

/** A name as the Host header would carry it: IPv6 addresses in brackets, lower case. */
export function asHostName(name: string): string {
  const trimmed = name.trim().toLowerCase();
  return isIP(trimmed) === 6 ? `[${trimmed}]` : trimmed;
}

const isLoopbackListen = (host: string) => {
  const name = asHostName(host);
  return name === 'localhost' || name === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(name);
};

export type MachineNames = {
  /** The addresses of this computer's network interfaces. */
  addresses(): string[];
  hostName(): string;
};

export const thisMachine: MachineNames = {
  addresses: () =>
    Object.values(networkInterfaces())
      .flatMap((entries) => entries ?? [])
      .map((entry) => entry.address),
  hostName: () => osHostname(),
};

export function createHostPolicy(options: { listenHost: string; allowedHosts: readonly string[]; machine?: MachineNames }): HostPolicy {
  const machine = options.machine ?? thisMachine;
  const configured = options.allowedHosts.map(asHostName);
  const wildcard = WILDCARD_HOSTS.has(options.listenHost.trim());
  const fixed = new Set<string>(configured);
  if (wildcard || isLoopbackListen(options.listenHost)) LOOPBACK_HOST_NAMES.forEach((name) => fixed.add(name));
  if (!wildcard) fixed.add(asHostName(options.listenHost));
  if (wildcard) {
    const name = machine.hostName().toLowerCase();
    if (name) [name, `${name.split('.')[0]}.local`].forEach((each) => fixed.add(each));
  }
  let addresses = new Set<string>();
  const readAddresses = () => {
    // A link-local address may carry its interface ("fe80::1%eth0"); a Host header never does.
    addresses = new Set(machine.addresses().map((address) => asHostName(address.split('%')[0] ?? address)));
  };
  if (wildcard) readAddresses();

  return {
    allows(hostHeader) {
      if (hostHeader === undefined) return false;
      const name = hostNameOf(hostHeader);
      if (name === null) return false;
      if (fixed.has(name)) return true;
      if (!wildcard) return false;
      if (addresses.has(name)) return true;
      // Only an address can be one this computer was given since; a name never is.
      if (isIP(name.replace(/^\[|\]$/g, '')) === 0) return false;
      readAddresses();
      return addresses.has(name);
    },
  };
}
