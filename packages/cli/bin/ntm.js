#!/usr/bin/env node
import '../out/main.js';
