import { createEmulator } from 'auth0-user-patch-emulator';
import { benchUsers, CLIENT, TOKEN } from '/work/wt-speed/emulator/bench/users.mjs';
const emulator = createEmulator({ token: TOKEN, clients: [CLIENT], users: benchUsers(1000) });
const { url } = await emulator.listen({ port: 0, host: '127.0.0.1' });
console.log(url);
process.on('SIGTERM', () => process.exit(0));
