// Tests import modules from src directly, so no entry point has registered Node's timers and file
// reader: do what the Node entry does.
import '../../src/node';
